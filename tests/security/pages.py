"""The URL conf as test data: every named page with arguments that exist in the seed, and one
logged-in user per role, so pages other branches add are covered without a test change."""

from django.urls import get_resolver, resolve

from tests.urlmatrix import ROLES, _walk, example_path, page_names

__all__ = ["ROLES", "argumentless_pages", "existing_pk", "path_for"]


def _model_of(path):
    view = resolve(path).func
    view_class = getattr(view, "view_class", None)
    model = getattr(view_class, "model", None)
    if model is None and getattr(view_class, "queryset", None) is not None:
        model = view_class.queryset.model
    if model is None:
        model = getattr(getattr(view_class, "filterset_class", None), "_meta", None)
        model = getattr(model, "model", None)
    return model


def existing_pk(name):
    """The id of an existing object of the view's model; 1 when the model cannot be told
    (a function view), in which case the page may answer 404."""
    model = _model_of(example_path(name, needs_pk=lambda _name: 1))
    if model is None:
        return 1
    first = model._default_manager.order_by("pk").first()
    return first.pk if first else 1


def path_for(name):
    path = example_path(name, needs_pk=existing_pk)
    assert path is not None, f"no example arguments for {name}: add them to tests/urlmatrix.py"
    return path


def argumentless_pages():
    return [name for name in page_names() if example_path(name) and "<" not in _route(name)]


def _route(name):
    return dict(_walk(get_resolver().url_patterns))[name]
