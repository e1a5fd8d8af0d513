"""Who may see a served board: the token, and the Host and Origin a request comes with.

Jupyter's way: a random token in the printed address is exchanged for a cookie; every page,
file and websocket then needs that cookie. The Host header must name this server (a web page
on another site that points its own name at 127.0.0.1 is refused), and a websocket's Origin
must be this server's own page (another page open in the manager's browser is refused).
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import socket
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from ssi_tui.errors import SsiError

LOOPBACK_NAMES: frozenset[str] = frozenset(("localhost", "127.0.0.1", "::1"))
WILDCARD_HOSTS: frozenset[str] = frozenset(("0.0.0.0", "::", ""))
MIN_TOKEN_LENGTH = 12
"""A fixed --token shorter than this is refused: anyone on the network may guess at it."""


def new_token() -> str:
    """A random token for the printed address (as Jupyter prints one)."""
    return secrets.token_urlsafe(24)


def is_loopback(host: str) -> bool:
    """True when only this machine can reach HOST."""
    name = _bare(host)
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_token(token: str | None, host: str) -> None:
    """Raise SsiError for a set-up that would show the board unguarded or weakly guarded."""
    if token is None and not is_loopback(host):
        raise SsiError(
            f"--host {host} lets other machines connect: they need a token. Drop --no-token"
            " (a random one is printed), or give a fixed one with --token VALUE."
        )
    if token is not None and len(token) < MIN_TOKEN_LENGTH:
        raise SsiError(
            f"--token: {len(token)} characters is too easy to guess; give at least"
            f" {MIN_TOKEN_LENGTH} (or leave --token out for a random one)."
        )


def check_public_url(public_url: str | None) -> None:
    """Raise SsiError unless PUBLIC_URL is an http(s) address with a host."""
    if public_url is None:
        return
    parts = urlsplit(public_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SsiError(
            f"--public-url {public_url}: expected an address such as http://192.168.1.20:8000"
        )


@dataclass(frozen=True)
class Access:
    """The rules one server applies to every request."""

    token: str | None
    """None: no token needed (--no-token, loopback only)."""
    hosts: frozenset[str]
    """Host names (no port) the Host header may carry."""
    public_url: str | None = None

    @classmethod
    def for_server(cls, host: str, token: str | None, public_url: str | None = None) -> Access:
        """Hosts allowed: loopback names, the bound address, --public-url's host; when bound to
        every interface, also this machine's own names and addresses (how a TV reaches it)."""
        hosts = set(LOOPBACK_NAMES)
        if host not in WILDCARD_HOSTS:
            hosts.add(_bare(host).lower())
        else:
            hosts.update(_own_names())
        if public_url is not None:
            name = urlsplit(public_url).hostname
            if name:
                hosts.add(name.lower())
        return cls(token, frozenset(hosts), public_url.rstrip("/") if public_url else None)

    def host_allowed(self, host_header: str | None) -> bool:
        """True when the Host header names this server."""
        if not host_header:
            return False
        return _bare(_without_port(host_header)).lower() in self.hosts

    def origin_allowed(self, origin: str | None, host_header: str | None) -> bool:
        """True when ORIGIN is this server's own page, as the viewer reached it (or as
        --public-url names it)."""
        if not origin or not host_header:
            return False
        origin = origin.rstrip("/").lower()
        own = {f"http://{host_header.lower()}", f"https://{host_header.lower()}"}
        if self.public_url is not None:
            parts = urlsplit(self.public_url)
            own.add(f"{parts.scheme}://{parts.netloc}".lower())
        return origin in own

    def token_matches(self, candidate: str | None) -> bool:
        """True when no token is needed, or CANDIDATE is it (compared in constant time)."""
        if self.token is None:
            return True
        if not candidate:
            return False
        return hmac.compare_digest(candidate.encode(), self.token.encode())


def viewer_address(host: str, port: int, token: str | None, public_url: str | None) -> str:
    """The address to open, with the token (as Jupyter prints it)."""
    if public_url is not None:
        base = public_url.rstrip("/")
    else:
        name = socket.gethostname() if host in WILDCARD_HOSTS else host
        name = f"[{name}]" if ":" in name else name
        base = f"http://{name}:{port}"
    return f"{base}/" + (f"?token={quote(token, safe='')}" if token else "")


def _without_port(host_header: str) -> str:
    if host_header.startswith("["):  # [::1]:8000
        return host_header[: host_header.find("]") + 1]
    name, _, port = host_header.rpartition(":")
    return name if name and port.isdigit() and ":" not in name else host_header


def _bare(host: str) -> str:
    return host[1:-1] if host.startswith("[") and host.endswith("]") else host


def _own_names() -> set[str]:
    """This machine's host names and addresses (best effort: what a viewer may type)."""
    names: set[str] = set()
    try:
        hostname = socket.gethostname()
        names.update({hostname.lower(), socket.getfqdn().lower()})
        for *_, address in socket.getaddrinfo(hostname, None):
            names.add(str(address[0]).lower())
    except OSError:
        pass
    return names
