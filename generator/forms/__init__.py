"""Forms for collecting answers without editing YAML, all generated from the questionnaires.

- `skeleton`: a response file with every question as a comment and an empty answer
  (`pmo new-response`).
- `workbook`: an Excel form with drop-down answers (`pmo export-form`).
- `xlsx_import` and `csv_import` read a filled-in form or a survey tool's export into
  `submissions.Submission`s, cell by cell; `resolve` works out what each submission means,
  reporting every unreadable cell; `importing` checks the result as `pmo validate` would and
  writes the response files, all or nothing (`pmo import`).
- `questions` holds what every form says about a question, and how typed answers are matched
  back to values; `responses` writes response YAML.
"""
