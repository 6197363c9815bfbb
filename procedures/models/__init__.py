from .index import ProcedureIndexPage
from .next_step import ProcedureNextStep
from .procedure import ProcedurePage


__all__ = ["ProcedureIndexPage", "ProcedureNextStep", "ProcedurePage"]
