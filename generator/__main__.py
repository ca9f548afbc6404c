"""`python -m generator` is the same as `pmo`."""

from .cli import main

raise SystemExit(main())
