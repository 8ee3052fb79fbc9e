import pytest

from tests.security.pages import ROLES


@pytest.fixture
def users_by_role(request, seed_meeting):
    return {role: request.getfixturevalue(role) for role in ROLES}
