from __future__ import annotations

import pytest

from pipelines_server.engine.templating import TemplateError, render, render_value

VARS = {"input": {"name": "Ada", "n": 3}, "task": {"lang": "French"}, "nodes": {}}


def test_render():
    assert render("Hello {{ input.name }} in {{ task.lang }}", VARS) == "Hello Ada in French"
    assert render("{{ input.n * 2 }}", VARS) == "6"
    assert render("{{ input | tojson }}", VARS) == '{"n": 3, "name": "Ada"}'
    assert render("no template\n", VARS) == "no template\n"
    assert render("<b>{{ '<i>' }}</b>", VARS) == "<b><i></b>"  # no HTML escaping


def test_render_value_renders_every_string():
    value = {"a": ["{{ input.name }}", 1, None, {"b": "{{ task.lang }}"}], "{{ x }}": True}
    assert render_value(value, VARS) == {"a": ["Ada", 1, None, {"b": "French"}], "{{ x }}": True}


def test_undefined_variable_is_an_error_naming_it():
    with pytest.raises(TemplateError, match="'nope' is undefined"):
        render("{{ nope }}", VARS)
    with pytest.raises(TemplateError, match="no attribute 'age'"):
        render("{{ input.age }}", VARS)


def test_syntax_error():
    with pytest.raises(TemplateError, match="syntax error on line 1"):
        render("{% if %}", VARS)


@pytest.mark.parametrize(
    "template",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ input.__class__.__subclasses__() }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ lipsum.__globals__['os'] }}",
        "{{ input.update({'x': 1}) }}",  # the variables are immutable
        "{{ 9 ** 99999999 }}",
        "{{ ((9 ** 999) ** 999) ** 999 }}",
        "{{ 'a' * 100000000 }}",
    ],
)
def test_sandbox(template):
    with pytest.raises(TemplateError, match="not allowed"):
        render(template, VARS)


def test_errors_of_the_data_are_template_errors():
    with pytest.raises(TemplateError, match="ZeroDivisionError"):
        render("{{ 1 / 0 }}", VARS)
