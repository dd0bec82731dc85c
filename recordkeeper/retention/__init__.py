"""PURE: retention deadlines, due items, proposals and approval logic.

Nothing here reads a clock, a file or the database: `today`, facts and
decisions are arguments. The services in `recordkeeper.services.retention`
store the results and carry them out.
"""

from recordkeeper.retention.deadlines import (
    Deadline,
    RetentionFacts,
    add_period,
    compute_deadline,
    compute_deadlines,
    due_deadlines,
    group_due,
    select_rule,
)
from recordkeeper.retention.decisions import (
    Approval,
    ApprovalStatus,
    ExecutionCheck,
    approval_status,
    check_before_execution,
)

__all__ = [
    "Approval",
    "ApprovalStatus",
    "Deadline",
    "ExecutionCheck",
    "RetentionFacts",
    "add_period",
    "approval_status",
    "check_before_execution",
    "compute_deadline",
    "compute_deadlines",
    "due_deadlines",
    "group_due",
    "select_rule",
]
