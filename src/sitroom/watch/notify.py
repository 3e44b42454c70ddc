"""Sending alerts: a webhook (JSON POST) and email (SMTP), behind one small ``Sender`` seam.

Delivery is I/O at the edge; what happens after an attempt is the pure ``after_attempt``: sent,
or tried again after an exponentially growing wait, or, once the retries are spent, recorded as
failed with the last error. The pipeline drives it from the outbox (``alert_deliveries``), so a
slow or dead endpoint delays only its own rows, never the run.
"""

from __future__ import annotations

import json
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from email.message import EmailMessage
from typing import Any, Protocol

from sitroom.errors import DeliveryError
from sitroom.model import Alert, Delivery
from sitroom.settings import Settings
from sitroom.watch.alerts import Digest

CHANNELS = ("webhook", "email")


@dataclass(frozen=True)
class Message:
    """One thing to send: a subject and text for people, ``data`` for machines."""

    subject: str
    text: str
    data: Mapping[str, Any] = field(default_factory=dict)


class Sender(Protocol):
    """Delivers a message on one channel or raises ``DeliveryError`` saying why not."""

    channel: str

    def send(self, message: Message) -> None: ...


class WebhookSender:
    """POST the message's ``data`` as JSON; any answer but 2xx, or no answer in time, fails."""

    channel = "webhook"

    def __init__(self, url: str, *, timeout: float = 10.0, user_agent: str = "sitroom") -> None:
        self.url, self.timeout, self.user_agent = url, timeout, user_agent

    def send(self, message: Message) -> None:
        import httpx

        body = json.dumps(message.data, ensure_ascii=False, default=str).encode("utf-8")
        headers = {"Content-Type": "application/json", "User-Agent": self.user_agent}
        try:
            with httpx.Client(timeout=self.timeout, follow_redirects=False) as client:
                response = client.post(self.url, content=body, headers=headers)
        except httpx.TimeoutException as exc:
            raise DeliveryError(f"webhook timed out after {self.timeout:g} s") from exc
        except httpx.HTTPError as exc:
            raise DeliveryError(f"webhook unreachable: {type(exc).__name__}: {exc}") from exc
        if not 200 <= response.status_code < 300:
            raise DeliveryError(f"webhook answered HTTP {response.status_code}")


class EmailSender:
    """Send the message's text by SMTP (STARTTLS and login when configured)."""

    channel = "email"

    def __init__(self, host: str, port: int, sender: str, recipients: tuple[str, ...], *,
                 starttls: bool = False, username: str = "", password: str = "",
                 timeout: float = 10.0) -> None:
        self.host, self.port, self.sender, self.recipients = host, port, sender, recipients
        self.starttls, self.username, self.password = starttls, username, password
        self.timeout = timeout

    def send(self, message: Message) -> None:
        mail = EmailMessage()
        mail["Subject"], mail["From"] = message.subject, self.sender
        mail["To"] = ", ".join(self.recipients)
        mail.set_content(message.text)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                if self.starttls:
                    smtp.starttls(context=ssl.create_default_context())
                if self.username:
                    smtp.login(self.username, self.password)
                smtp.send_message(mail)
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryError(f"mail to {self.host}:{self.port} failed: "
                                f"{type(exc).__name__}: {exc}") from exc


def senders_from(settings: Settings) -> dict[str, Sender]:
    """The channels the settings turn on (a webhook URL; an SMTP host with from and to)."""
    out: dict[str, Sender] = {}
    if settings.alert_webhook_url:
        out["webhook"] = WebhookSender(settings.alert_webhook_url,
                                       timeout=settings.alert_timeout,
                                       user_agent=settings.user_agent)
    recipients = tuple(a.strip() for a in settings.smtp_to.split(",") if a.strip())
    if settings.smtp_host and settings.smtp_from and recipients:
        out["email"] = EmailSender(
            settings.smtp_host, settings.smtp_port, settings.smtp_from, recipients,
            starttls=settings.smtp_starttls, username=settings.smtp_username,
            password=settings.smtp_password, timeout=settings.alert_timeout)
    return out


def after_attempt(delivery: Delivery, error: str | None, *, now: datetime, retries: int,
                  backoff: float) -> Delivery:
    """The outbox row after one attempt: sent; or retried after backoff · 2^(n-1) seconds;
    or failed once ``retries`` retries have been spent."""
    attempts = delivery.attempts + 1
    if error is None:
        return replace(delivery, status="sent", attempts=attempts, sent_at=now, last_error="",
                       next_attempt=None)
    if attempts > retries:
        return replace(delivery, status="failed", attempts=attempts, last_error=error,
                       next_attempt=None)
    wait = timedelta(seconds=backoff * 2 ** (attempts - 1))
    return replace(delivery, attempts=attempts, last_error=error, next_attempt=now + wait)


def attempt(sender: Sender, message: Message) -> str | None:
    """Try once; the error text, or None when it went through."""
    try:
        sender.send(message)
    except DeliveryError as exc:
        return str(exc)
    return None


def alert_message(alert: Alert, suppressed: int = 0) -> Message:
    """An alert for people (subject, text) and machines (JSON with the event's fields)."""
    event = dict(alert.payload)
    data = {"kind": "alert", "watch": alert.watch, "title": alert.title, "case": alert.case,
            "event_id": alert.event_id, "fired_at": alert.fired_at.isoformat(),
            "message": alert.message, "suppressed_in_window": suppressed, "event": event}
    text = alert.message
    if suppressed:
        text += f"\n({suppressed} more alert(s) of this watch suppressed by the rate limit)"
    return Message(subject=f"[sitroom] {alert.message}"[:200], text=text, data=data)


def digest_message(d: Digest) -> Message:
    """A digest as one message."""
    data = {"kind": "digest", "since": d.since.isoformat() if d.since else None,
            "until": d.until.isoformat() if d.until else None, "total": d.total,
            "watches": [{"watch": w, "title": t, "alerts": n, "suppressed": s}
                        for w, t, n, s in d.by_watch],
            "alerts": [{"watch": a.watch, "event_id": a.event_id, "message": a.message,
                        "suppressed": a.suppressed, "event": dict(a.payload)}
                       for a in d.alerts]}
    return Message(subject=f"[sitroom] digest: {d.total} alert(s)", text=d.text(), data=data)
