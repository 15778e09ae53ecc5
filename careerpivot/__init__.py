"""CareerPivot: turn informational interviews into evidence and a career-change plan."""

__version__ = "0.1.0"
APP_NAME = "CareerPivot"
APP_ID = "io.github.careerpivot.CareerPivot"
