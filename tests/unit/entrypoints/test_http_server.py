"""`cma serve` leaves uvicorn's HTTP implementation on "auto"; httptools is a dependency, so
auto is its C parser and response writer, not the pure-Python h11 (whose header writing
cost a case view ~43 us of its ~1 ms: benchmarks/README.md, the case view's fifth round)."""


def test_the_server_parses_and_writes_http_in_c() -> None:
    from uvicorn.protocols.http.auto import AutoHTTPProtocol

    assert AutoHTTPProtocol.__name__ == "HttpToolsProtocol"
