"""Who may write: one operator token, a signed session for pages, CSRF tokens for forms.

Reading is public.  Writing (confirm / correct / reject) needs the token the operator sets
with ``planwatch serve --token`` or ``$PLANWATCH_ADMIN_TOKEN`` (or the random one ``serve``
prints when neither is set):

* **API** — ``Authorization: Bearer <token>`` on each write request.  Cookies are ignored by
  API writes, so a page elsewhere cannot make a logged-in browser write through the API.
* **Pages** — ``/login`` takes the token once and stores the user's name in a session cookie
  signed with a random per-process secret (Starlette's ``SessionMiddleware``, itsdangerous);
  every form carries a CSRF token bound to that session and checked on POST.

Only a SHA-256 digest of the token is kept in memory, and candidates are compared with
``hmac.compare_digest`` (constant time), so neither a memory dump nor response timing reveals
it.  Failed logins are counted per client address and throttled.

**Production mode** (``planwatch serve --production`` or ``$PLANWATCH_ENV=production``) never
generates a token: the server refuses to start unless the operator set one explicitly, of at
least ``MIN_PRODUCTION_TOKEN`` characters (``check_production_token``).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
import time
from collections import deque

from starlette.requests import Request

from planwatch.errors import PlanWatchError

ENV_TOKEN = "PLANWATCH_ADMIN_TOKEN"
ENV_SECRET = "PLANWATCH_SESSION_SECRET"
ENV_MODE = "PLANWATCH_ENV"
SESSION_COOKIE = "planwatch_session"
SESSION_MAX_AGE = 8 * 3600
MAX_FAILURES = 10
FAILURE_WINDOW = 300.0  # seconds
MAX_TRACKED_CLIENTS = 10_000  # clients with recent failed logins kept in memory
MIN_PRODUCTION_TOKEN = 16  # characters


class AuthConfigError(PlanWatchError):
    """The server is not configured safely enough to start (production mode without a token)."""


def production_mode(flag: bool = False) -> bool:
    """Whether to run in production mode: ``flag`` (``--production``) or ``$PLANWATCH_ENV=production``."""
    return flag or os.environ.get(ENV_MODE, "").strip().lower() in ("production", "prod")


def check_production_token(token: str | None) -> str:
    """The operator's token, refused unless set explicitly and long enough (no default in production)."""
    token = (token or "").strip()
    if not token:
        raise AuthConfigError(
            f"production mode needs an admin token: set --token or ${ENV_TOKEN} (no default is generated)"
        )
    if len(token) < MIN_PRODUCTION_TOKEN:
        raise AuthConfigError(
            f"production mode needs an admin token of at least {MIN_PRODUCTION_TOKEN} characters "
            f"(this one has {len(token)}): `python -c 'import secrets; print(secrets.token_urlsafe(24))'` makes one"
        )
    return token


def generate_token() -> str:
    """A token for an operator who did not choose one (≈128 bits, URL-safe)."""
    return secrets.token_urlsafe(16)


def _digest(token: str) -> bytes:
    return hashlib.sha256(token.encode("utf-8")).digest()


class AdminAuth:
    """Checks the operator token and throttles failed logins."""

    def __init__(self, token: str) -> None:
        if not token or not token.strip():
            raise ValueError("the admin token must not be empty")
        self._digest = _digest(token.strip())
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, candidate: str | None) -> bool:
        """Whether ``candidate`` is the token (constant-time comparison of digests)."""
        return hmac.compare_digest(_digest((candidate or "").strip()), self._digest)

    def check_bearer(self, authorization: str | None) -> bool:
        """Whether an ``Authorization`` header carries the token as a Bearer credential."""
        if not authorization:
            return False
        scheme, _, credential = authorization.partition(" ")
        return scheme.lower() == "bearer" and self.check(credential)

    # -- login throttling ------------------------------------------------------------------
    def blocked(self, client: str) -> bool:
        """Too many failed logins from this client in the last ``FAILURE_WINDOW`` seconds."""
        with self._lock:
            q = self._failures.get(client)  # no entry for a client that never failed
            if q is None:
                return False
            cutoff = time.monotonic() - FAILURE_WINDOW
            while q and q[0] < cutoff:
                q.popleft()
            if not q:
                del self._failures[client]
            return len(q) >= MAX_FAILURES

    def failed(self, client: str) -> None:
        with self._lock:
            now = time.monotonic()
            # Kept in order of last failure (re-inserted at the end), so that the oldest entries
            # come first: memory stays bounded whatever the number of client addresses, by
            # forgetting expired failures, then (under a flood) the least recent ones.
            q = self._failures.pop(client, None) or deque()
            q.append(now)
            self._failures[client] = q
            while len(self._failures) > MAX_TRACKED_CLIENTS or self._oldest_expired(now):
                del self._failures[next(iter(self._failures))]

    def _oldest_expired(self, now: float) -> bool:
        first = next(iter(self._failures.values()))
        return first[-1] < now - FAILURE_WINDOW

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)


# -- sessions and CSRF -----------------------------------------------------------------------
def current_user(request: Request) -> str | None:
    """The logged-in user's name, or ``None``."""
    user = request.session.get("user")
    return str(user) if user else None


def csrf_token(request: Request) -> str:
    """The CSRF token of this session (created on first use); forms carry it in ``csrf``."""
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return str(token)


def csrf_ok(request: Request, submitted: str | None) -> bool:
    """Whether a form's ``csrf`` field matches the session's token."""
    expected = request.session.get("csrf")
    if not expected or not submitted:
        return False
    return hmac.compare_digest(str(expected).encode(), str(submitted).encode())


def log_in(request: Request, user: str) -> None:
    """Start a fresh session (new CSRF token: no fixation of a token seen before login)."""
    request.session.clear()
    request.session["user"] = user
    request.session["csrf"] = secrets.token_urlsafe(32)


def log_out(request: Request) -> None:
    request.session.clear()


def client_of(request: Request) -> str:
    return request.client.host if request.client else "unknown"
