"""Chart jobs drawn once per key, and the browser charts' data safe inside a page."""

from __future__ import annotations

import json
import re

from generator.outputs.charts.jobs import FIGURES, ChartJob, draw_all
from generator.outputs.site.charts import BrowserChart, browser_chart

TYPE_ARGS = (("Project office", "Programme office"), (40, 60), (70, 20), ("Today", "Needed"))


def test_jobs_that_share_a_key_are_drawn_once(tmp_path):
    jobs = [ChartJob("a/type.svg", "type", TYPE_ARGS), ChartJob("b/type.svg", "type", TYPE_ARGS)]
    result = draw_all(jobs, tmp_path)
    assert (result.drawn, result.cached) == (1, 1)
    assert result.charts["a/type.svg"] == result.charts["b/type.svg"]
    assert result.charts["a/type.svg"].startswith(b"<?xml")
    assert len(list(tmp_path.iterdir())) == 1
    again = draw_all(jobs, tmp_path)
    assert (again.drawn, again.cached) == (0, 2) and again.charts == result.charts


def test_every_figure_has_a_browser_version():
    chart = browser_chart(ChartJob("x", "type", TYPE_ARGS))
    assert chart.config["type"] == "bar" and "2 PMO types" in chart.label
    from generator.outputs.site.charts import _KINDS

    assert set(_KINDS) == set(FIGURES)


def test_chart_data_cannot_end_its_script_element():
    hostile = "</script><script>alert(1)</script> & <!--"
    html = str(BrowserChart(f'Label "{hostile}"', {"data": {"labels": [hostile]}},
                            height=100).html())
    assert html.count("</script>") == 1 and "<!--" not in html
    assert 'aria-label="Label &quot;&lt;/script&gt;' in html
    data = re.search(r'class="pmo-chart-data">(.*?)</script>', html).group(1)
    assert json.loads(data)["data"]["labels"] == [hostile]


def test_long_titles_are_shortened_not_left_to_squeeze_the_plot_away():
    """A 240-character perspective or section title: matplotlib would give up the layout
    (the axes collapse to nothing) unless the label is cut to a few lines."""
    import warnings

    from generator.outputs.charts import render
    from generator.outputs.charts.report import benchmark, model_position, trend

    long = "Portfolio governance and investment decision-making " * 5
    figures = {
        "trend": trend(["2025", "2026"], [long, "Risk"], [[1.0, 2.0], [2.0, 3.0]]),
        "model": model_position([long, "Reporting"], [10.0, 20.0], [30.0, 40.0], (10.0, 30.0),
                                [(0.0, long), (100.0, "Directive")]),
        "benchmark": benchmark([long, "Risk"], [[1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 0, 5]]),
    }
    for name, fig in figures.items():
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            render(fig, "svg")
        texts = [t.get_text() for ax in fig.axes for t in
                 [*ax.get_yticklabels(), *ax.get_xticklabels(),
                  *(ax.get_legend().get_texts() if ax.get_legend() else [])]]
        cut = [t for t in texts if t.startswith("Portfolio governance")]
        assert cut and all(t.endswith("…") and t.count("\n") <= 2 for t in cut), (name, cut)
