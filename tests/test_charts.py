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
