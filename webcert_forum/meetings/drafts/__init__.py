"""The next meeting's deck drafted from the data: ``deck`` builds the PowerPoint from a minutes
document (no Django), ``services`` assembles that document from the database."""
