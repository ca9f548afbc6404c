"""The output stage: scores and roadmaps rendered for people.

```
outputs/
  terminal/    tables and text printed by the commands (rich)
  formats/     files handed over: JSON and CSV exports, toolkit documents and workbooks
  charts/      matplotlib figures: the report's and the command line's charts
  report/      the assessment report, as DOCX and PDF
  site/        the pages of the static site, its charts' data and the MkDocs build
  render.py    the jinja2 environment of the Markdown templates
  scope_views.py  sentences about the portfolio, programme and project views
```

Outputs read the results of scoring and planning; nothing below them imports them.
"""
