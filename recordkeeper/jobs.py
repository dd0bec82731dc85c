"""APScheduler job functions: each computes `now` once and calls one service.

Jobs never raise: a failing job logs and is tried again at its next run, so
one bad run never stops the scheduler (STYLE §9.6). E-mail jobs run on the
leader only (the daemon schedules them there).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import structlog

from recordkeeper.config import Settings
from recordkeeper.errors import RecordkeeperError
from recordkeeper.notify.render import Role
from recordkeeper.notify.smtp import SmtpMailer, SmtpSettings
from recordkeeper.services.audit import make_tree_head
from recordkeeper.services.context import Context
from recordkeeper.services.digest import DigestSources, Mailer, enqueue_digests, flush_outbox

log = structlog.get_logger(__name__)

ROLES: tuple[Role, ...] = ("registrar", "project_lead", "dpo")


def build_mailer(settings: Settings) -> SmtpMailer:
    """The SMTP adapter from the [email] settings (reads the password file)."""
    e = settings.email
    return SmtpMailer(
        SmtpSettings(
            host=e.smtp_host,
            port=e.smtp_port,
            sender=e.sender,
            starttls=e.starttls,
            user=e.smtp_user,
            password_file=e.smtp_password_file,
            ca_file=e.ca_file,
            timeout_s=e.timeout_seconds,
        )
    )


def send_digests(ctx: Context, role: Role, sources: DigestSources, mailer: Mailer) -> None:
    """Queue today's digests of `role`, then send everything due."""
    try:
        enqueue_digests(ctx, role, sources)
        flush_outbox(ctx, mailer)
    except RecordkeeperError as exc:
        log.error("job_failed", job=f"digest_{role}", code=exc.code, error=exc.message)


def flush_mail(ctx: Context, mailer: Mailer) -> None:
    """Retry unsent messages (SMTP outage, refused recipient)."""
    try:
        flush_outbox(ctx, mailer)
    except RecordkeeperError as exc:
        log.error("job_failed", job="flush_mail", code=exc.code, error=exc.message)


def schedule_email_jobs(
    scheduler: Any, ctx: Context, sources: DigestSources, mailer: Mailer
) -> list[str]:
    """Add the digest jobs (crontab times from [email]) and the retry job; returns job ids.

    `scheduler` is an APScheduler 3 scheduler; nothing is added when e-mail is off.
    """
    from apscheduler.triggers.cron import CronTrigger
    from apscheduler.triggers.interval import IntervalTrigger

    e = ctx.settings.email
    if not e.enabled:
        return []
    crontabs = {
        "registrar": e.registrar_schedule,
        "project_lead": e.project_lead_schedule,
        "dpo": e.dpo_schedule,
    }
    common = {"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600}
    ids = []
    for role in ROLES:
        job_id = f"digest_{role}"
        scheduler.add_job(
            send_digests,
            CronTrigger.from_crontab(crontabs[role]),
            args=(ctx, role, sources, mailer),
            id=job_id,
            replace_existing=True,
            **common,
        )
        ids.append(job_id)
    scheduler.add_job(
        flush_mail,
        IntervalTrigger(minutes=e.retry_minutes),
        args=(ctx, mailer),
        id="flush_mail",
        replace_existing=True,
        **common,
    )
    ids.append("flush_mail")
    return ids


def run_retention(ctx: Context) -> None:
    """Refresh deadlines, propose what is due, carry out approved decisions (leader only)."""
    from recordkeeper.services.retention import retention_job

    try:
        retention_job(ctx)
    except RecordkeeperError as exc:
        log.error("job_failed", job="retention", code=exc.code, error=exc.message)
    except OSError as exc:
        # a failed quarantine move rolled back its transaction; the scheduler would log
        # the exception's message, which names the file's path: log its type only
        log.error("job_failed", job="retention", error=type(exc).__name__, errno=exc.errno)


def schedule_retention_job(scheduler: Any, ctx: Context) -> str:
    """Add the periodic retention job (interval from [retention]); returns its id."""
    from apscheduler.triggers.interval import IntervalTrigger

    job = scheduler.add_job(
        run_retention,
        IntervalTrigger(minutes=ctx.settings.retention.job_interval_minutes),
        args=[ctx],
        id="retention",
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=3600,
    )
    return str(job.id)


class LeaderScheduler:
    """Runs the APScheduler scheduler while, and only while, this instance leads.

    `tick()` is called from the daemon's main loop; every `poll_interval_s` it
    asks the `Leadership` and starts the scheduler (with every job from
    `setups`) on becoming leader, or shuts it down (waiting for running jobs)
    on losing it. `stop()` shuts down and hands leadership back.
    """

    def __init__(
        self,
        ctx: Context,
        leadership: Any,
        setups: list[Any],
        *,
        poll_interval_s: float = 5.0,
        monotonic: Any = None,
    ) -> None:
        import time

        self.ctx = ctx
        self.leadership = leadership
        self.setups = setups
        self.poll_interval_s = poll_interval_s
        self._monotonic = monotonic or time.monotonic
        self._next_poll = 0.0
        self._scheduler: Any = None
        self._was_leader: bool | None = None

    @property
    def is_running(self) -> bool:
        return self._scheduler is not None

    def tick(self) -> None:
        now = self._monotonic()
        if now < self._next_poll:
            return
        self._next_poll = now + self.poll_interval_s
        is_leader = self.leadership.poll()
        if is_leader and self._scheduler is None:
            self._start()
        elif not is_leader and self._scheduler is not None:
            log.warning("standing_by", reason="leadership_lost")
            self._shutdown()
        elif not is_leader and self._was_leader is None:
            log.info("standing_by", reason="another_instance_leads")
        self._was_leader = is_leader

    def _start(self) -> None:
        from apscheduler.schedulers.background import BackgroundScheduler

        scheduler = BackgroundScheduler()  # server local time: [email] crontabs are local
        ids = [job_id for setup in self.setups for job_id in setup(scheduler, self.ctx)]
        scheduler.start()
        self._scheduler = scheduler
        log.info("scheduler_started", jobs=ids)

    def _shutdown(self) -> None:
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=True)
            self._scheduler = None
            log.info("scheduler_stopped")

    def stop(self) -> None:
        self._shutdown()
        self.leadership.release()


def leader_job_setups(ctx: Context, sources: DigestSources, mailer: Mailer) -> list[Any]:
    """Everything only the leader runs: e-mail digests and retries, retention."""
    return [
        lambda scheduler, c: schedule_email_jobs(scheduler, c, sources, mailer),
        lambda scheduler, c: [schedule_retention_job(scheduler, c)],
    ]


def make_tree_head_job(ctx: Context) -> None:
    """Every `audit.head_interval_minutes`: sign the current tree head (no-op when unchanged).

    Schedule with `coalesce=True`; safe to run twice. A refusal (the log no longer
    reproduces the previous head) is logged, never raised into the scheduler.
    """
    now = ctx.clock.now()
    try:
        make_tree_head(ctx, at=now)
    except RecordkeeperError as exc:
        log.error("audit_head_job_failed", code=exc.code)


def tree_head_hook(interval_s: float, monotonic: Callable[[], float]) -> Callable[[Any], None]:
    """A daemon tick hook that runs `make_tree_head_job` at start and every `interval_s`."""
    next_at = [0.0]

    def hook(daemon: Any) -> None:
        now = monotonic()
        if now >= next_at[0]:
            next_at[0] = now + interval_s
            make_tree_head_job(daemon.ctx)

    return hook
