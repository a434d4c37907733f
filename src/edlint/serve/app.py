"""The ASGI application: routes, limits, the token, errors as JSON, the page.

Starlette rather than FastAPI: the API is seven routes with bodies described once in
``schema.py`` (validator and OpenAPI from the same table), and FastAPI would add pydantic
and its own 422 shape to what a CMS has to handle for no gain here.

The event loop only routes and reads bodies; every check, fix, render and file read runs in
a worker (threads, or processes with ``--processes``: pool.py), bounded by the time limit (503 when it passes; the thread
finishes its check in the background and its result is dropped) and by ``max_pending``
(503 at once when that many jobs are already waiting).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import threading
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .openapi import openapi_document
from .pool import Pool
from .schema import CHECK_FIELDS, FIX_FIELDS, RequestError, parse_draft, parse_fields
from .service import CheckService, NotFound
from .settings import ServeSettings

log = logging.getLogger("edlint.serve")


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, field: str | None = None, headers=None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.field, self.headers = status, code, message, field, headers


def error_response(status: int, code: str, message: str, field: str | None = None, headers=None) -> JSONResponse:
    body: dict[str, Any] = {"error": {"status": status, "code": code, "message": message}}
    if field is not None:
        body["error"]["field"] = field
    return JSONResponse(body, status_code=status, headers=headers)


# -- the page's security headers ------------------------------------------------------------------
def _csp(settings: ServeSettings) -> str:
    images = "'self' data: https:" if settings.remote_images else "'self' data:"
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; "
        f"img-src {images}; connect-src 'self'; form-action 'none'; "
        "frame-ancestors 'none'; base-uri 'none'"
    )


class SecurityHeaders:
    """Every response: no sniffing, no framing, no referrer; and the page's CSP (no inline
    or remote script, nothing remote but images when allowed)."""

    def __init__(self, app: Any, csp: str) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer"),
            (b"cache-control", b"no-store"),
        ]

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                have = {k.lower() for k, _ in message["headers"]}
                message["headers"] = list(message["headers"]) + [h for h in self.headers if h[0] not in have]
            await send(message)

        await self.app(scope, receive, with_headers)


# -- request helpers -----------------------------------------------------------------------------
def _service(request: Request) -> CheckService:
    return request.app.state.service


def _authorize(request: Request) -> None:
    token = _service(request).settings.token
    if not token:
        return
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise ApiError(
            401,
            "unauthorized",
            "a bearer token is required: Authorization: Bearer <EDLINT_SERVE_TOKEN>",
            headers={"WWW-Authenticate": 'Bearer realm="edlint"'},
        )


async def _read_json(request: Request) -> Any:
    limit = _service(request).settings.max_body
    too_big = ApiError(413, "too_large", f"the request body is over the {limit}-byte limit")
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    data = b"".join(chunks)
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ApiError(422, "invalid_json", f"the body is not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ApiError(
            422, "invalid_json", f"the body is not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None


async def _run(request: Request, method: str, *args: Any, **kwargs: Any) -> Any:
    """Run the service's ``method`` in a worker within the time limit."""
    service = _service(request)
    pool: Pool = request.app.state.pool
    if not pool.take():
        raise ApiError(
            503, "busy", "too many requests are waiting for a worker; retry shortly", headers={"Retry-After": "2"}
        )
    try:
        future = asyncio.wrap_future(pool.call(method, *args, **kwargs))
    except BaseException:
        pool.release()
        raise
    future.add_done_callback(lambda _: pool.release())
    try:
        return await asyncio.wait_for(asyncio.shield(future), service.settings.timeout)
    except asyncio.TimeoutError:
        future.add_done_callback(_drop_result)
        raise ApiError(
            503,
            "timeout",
            f"the check took longer than the server's {service.settings.timeout:g}-second limit; try a shorter text",
            headers={"Retry-After": "5"},
        ) from None


def _drop_result(future: Any) -> None:
    if not future.cancelled() and future.exception() is not None:
        log.error("edlint serve: a job that had timed out failed: %r", future.exception())


# -- endpoints --------------------------------------------------------------------------------------
async def check(request: Request) -> Response:
    _authorize(request)
    body = parse_fields(await _read_json(request), CHECK_FIELDS)
    draft = parse_draft(body)
    out = await _run(request, "check", draft, render=bool(body.get("render")))
    return JSONResponse(out)


async def fix(request: Request) -> Response:
    _authorize(request)
    body = parse_fields(await _read_json(request), FIX_FIELDS)
    draft = parse_draft(body)
    ids = body.get("fixes")
    out = await _run(request, "fix", draft, ids, bool(body.get("unsafe")), render=bool(body.get("render")))
    return JSONResponse(out)


async def rules(request: Request) -> Response:
    _authorize(request)
    return JSONResponse({"rules": await _run(request, "rules")})


async def rule(request: Request) -> Response:
    _authorize(request)
    try:
        return JSONResponse(await _run(request, "rule", request.path_params["rule_id"]))
    except NotFound as exc:
        raise ApiError(404, "unknown_rule", str(exc)) from None


async def open_article(request: Request) -> Response:
    _authorize(request)
    path = request.query_params.get("path")
    if not path:
        raise ApiError(422, "missing_field", "give the article's path or URL path: ?path=…", field="path")
    try:
        return JSONResponse(await _run(request, "open", path))
    except NotFound as exc:
        raise ApiError(404, "not_found", str(exc)) from None


async def healthz(request: Request) -> Response:
    out = _service(request).health()
    out["jobs"] = request.app.state.pool.taken
    return JSONResponse(out)


async def openapi(request: Request) -> Response:
    return JSONResponse(openapi_document())


def _static(name: str) -> bytes:
    return resources.files("edlint.serve").joinpath("static", name).read_bytes()


_TYPES = {"html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8"}


def _static_route(name: str) -> Any:
    async def endpoint(request: Request) -> Response:
        assets = request.app.state.assets
        if name not in assets:
            assets[name] = _static(name)
        return Response(assets[name], media_type=_TYPES[name.rsplit(".", 1)[1]])

    return endpoint


# -- errors ---------------------------------------------------------------------------------------
async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.field, exc.headers)


async def _request_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestError)
    return error_response(422, exc.code, f"{exc.field}: {exc.message}" if exc.field else exc.message, exc.field)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    message = {404: "no such endpoint", 405: "method not allowed here"}.get(exc.status_code, str(exc.detail))
    return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))


async def _internal_error(request: Request, exc: Exception) -> Response:
    log.error("edlint serve: internal error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal", "internal error; the server's log has the details")


# -- the application ---------------------------------------------------------------------------------
def create_app(settings: ServeSettings, service: CheckService | None = None) -> Starlette:
    """The ASGI app for ``settings`` (the service is built now: a bad config raises here)."""
    service = service or CheckService(settings)

    @asynccontextmanager
    async def lifespan(app: Starlette):
        threading.Thread(target=service.start, name="edlint-serve-scan", daemon=True).start()
        try:
            yield
        finally:
            service.stop()
            app.state.pool.shutdown()

    middleware = [Middleware(SecurityHeaders, csp=_csp(settings))]
    if settings.cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type"],
                max_age=600,
            )
        )
    routes = [
        Route("/", _static_route("index.html"), methods=["GET"]),
        Route("/static/page.js", _static_route("page.js"), methods=["GET"]),
        Route("/static/page.css", _static_route("page.css"), methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/v1/check", check, methods=["POST"]),
        Route("/v1/fix", fix, methods=["POST"]),
        Route("/v1/rules", rules, methods=["GET"]),
        Route("/v1/rules/{rule_id}", rule, methods=["GET"]),
        Route("/v1/open", open_article, methods=["GET"]),
    ]
    app = Starlette(
        routes=routes,
        middleware=middleware,
        lifespan=lifespan,
        exception_handlers={
            ApiError: _api_error,
            RequestError: _request_error,
            HTTPException: _http_error,
            Exception: _internal_error,
        },
    )
    app.state.service = service
    app.state.pool = Pool(settings, service)
    app.state.assets = {}
    return app
