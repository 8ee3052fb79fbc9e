"""The kit every app uses; imports no app."""
