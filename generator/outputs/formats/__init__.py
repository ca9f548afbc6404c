"""Files handed over: JSON and CSV exports, the toolkit's documents and workbooks, and the
Word and spreadsheet styles they share with the report."""
