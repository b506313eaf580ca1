//! The local server disconnects slow and idle clients and bounds its connections, as a
//! production HTTP server does. Each test uses short limits and waits for the server's move
//! with a generous upper bound: the assertions are about what happens, not how fast.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use local_server::Limits;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Far longer than any limit below: a test that reaches it has found a connection the
/// server never closes.
const PATIENCE: Duration = Duration::from_secs(20);

const SHORT: Duration = Duration::from_millis(300);

const GET_DJANGO: &[u8] = b"GET /frameworks/django HTTP/1.1\r\nhost: localhost\r\n\r\n";

/// Starts the API within `limits` and returns its address.
async fn start(limits: Limits) -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let context = runtime::Context::embedded().unwrap();
    tokio::spawn(local_server::serve_within(
        listener,
        context,
        limits,
        std::future::pending(),
    ));
    address
}

/// Reads until the server closes the connection; panics if it is still open after
/// [`PATIENCE`]. A reset counts as closed.
async fn read_until_closed(stream: &mut TcpStream) -> String {
    let mut received = Vec::new();
    match tokio::time::timeout(PATIENCE, stream.read_to_end(&mut received)).await {
        Ok(_closed_or_reset) => String::from_utf8_lossy(&received).into_owned(),
        Err(_) => panic!(
            "the server still holds the connection after {PATIENCE:?}; it sent {:?}",
            String::from_utf8_lossy(&received)
        ),
    }
}

/// Reads one whole response whose body has a `content-length`.
async fn read_response(stream: &mut TcpStream) -> String {
    let mut received = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let text = String::from_utf8_lossy(&received).into_owned();
        if let Some(end_of_head) = text.find("\r\n\r\n") {
            let length: usize = text[..end_of_head]
                .lines()
                .find_map(|line| {
                    let (name, value) = line.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse().ok())?
                })
                .unwrap_or(0);
            if received.len() >= end_of_head + 4 + length {
                return text;
            }
        }
        let read = tokio::time::timeout(PATIENCE, stream.read(&mut chunk))
            .await
            .expect("no response in time")
            .unwrap();
        assert!(read > 0, "closed mid-response: {text:?}");
        received.extend_from_slice(&chunk[..read]);
    }
}

fn limits(header_read: Duration, request: Duration, max_connections: usize) -> Limits {
    Limits {
        header_read,
        request,
        max_connections,
    }
}

/// A new connection to `address` that has sent `bytes`.
async fn connect_sending(address: std::net::SocketAddr, bytes: &[u8]) -> TcpStream {
    let mut client = TcpStream::connect(address).await.unwrap();
    client.write_all(bytes).await.unwrap();
    client
}

#[tokio::test]
async fn a_client_that_sends_nothing_or_half_a_header_is_disconnected_after_the_header_timeout() {
    for (sent, answered) in [
        (&b""[..], "nothing asked, something answered"),
        (
            b"GET /frameworks HTTP/1.1\r\nhost: localhost\r\nx-half: ",
            "half a header was answered",
        ),
    ] {
        let address = start(limits(SHORT, PATIENCE, 16)).await;
        let mut client = connect_sending(address, sent).await;

        let received = read_until_closed(&mut client).await;

        assert!(!received.contains("200 OK"), "{answered}: {received:?}");
    }
}

#[tokio::test]
async fn a_body_shorter_than_its_content_length_gets_a_408_problem_and_the_connection_closes() {
    let address = start(limits(PATIENCE, SHORT, 16)).await;
    let mut client = connect_sending(
        address,
        b"POST /recommendations HTTP/1.1\r\nhost: localhost\r\n\
          content-type: application/json\r\ncontent-length: 100\r\n\r\n{\"use_case\"",
    )
    .await;

    let received = read_until_closed(&mut client).await.to_lowercase();

    assert!(
        received.starts_with("http/1.1 408"),
        "expected a 408, got {received:?}"
    );
    assert!(received.contains("content-type: application/problem+json"));
    assert!(received.contains("connection: close"));
    assert!(received.contains("/problems/request-timeout"));
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed_after_its_response() {
    let address = start(limits(SHORT, PATIENCE, 16)).await;
    let mut client = connect_sending(address, GET_DJANGO).await;

    let response = read_response(&mut client).await;
    let after_response = read_until_closed(&mut client).await;

    assert!(response.starts_with("HTTP/1.1 200"), "{response:?}");
    assert!(
        !response.to_lowercase().contains("connection: close"),
        "the server did not keep the connection alive: {response:?}"
    );
    assert_eq!(
        after_response, "",
        "the server sent more after its response"
    );
}

#[tokio::test]
async fn connections_beyond_the_bound_wait_until_one_closes() {
    let address = start(limits(PATIENCE, PATIENCE, 2)).await;
    // Two kept-alive connections, each answered once: both hold a slot.
    let mut holders = Vec::new();
    for _ in 0..2 {
        let mut holder = connect_sending(address, GET_DJANGO).await;
        assert!(read_response(&mut holder).await.starts_with("HTTP/1.1 200"));
        holders.push(holder);
    }

    let mut third = connect_sending(address, GET_DJANGO).await;
    let mut first_byte = [0u8; 1];
    let while_full =
        tokio::time::timeout(Duration::from_millis(500), third.read(&mut first_byte)).await;
    drop(holders.remove(0));
    let once_a_slot_frees = read_response(&mut third).await;

    assert!(
        while_full.is_err(),
        "a third connection was served while two held both slots"
    );
    assert!(once_a_slot_frees.starts_with("HTTP/1.1 200"));
}

/// Each line `pipe` carries, read on a thread of its own. It reads to the end even when no
/// one listens any more: the server prints more lines after its address, and a closed pipe
/// would end it.
fn lines_of(pipe: impl std::io::Read + Send + 'static) -> mpsc::Receiver<String> {
    let (sender, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(pipe).lines().map_while(Result::ok) {
            let _ = sender.send(line);
        }
    });
    lines
}

/// At the descriptor limit `accept` fails; the server says so in its log and serves again
/// once descriptors free up. The binary runs under a small `ulimit -n` with a connection
/// bound above it, so that `accept` is what fails.
#[tokio::test]
async fn a_failing_accept_is_logged_and_the_server_recovers() {
    let mut server = Command::new("sh")
        .args(["-c", "ulimit -n 48 && exec \"$0\""])
        .arg(env!("CARGO_BIN_EXE_local-server"))
        .env("PORT", "0")
        .env("MAX_CONNECTIONS", "1000")
        .env("RUST_LOG", "info")
        .env_remove("FRAMEWORKS_TABLE")
        .env_remove("FAQ_TABLE")
        .env_remove("AWS_LAMBDA_FUNCTION_NAME")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = lines_of(server.stdout.take().unwrap());
    let address: std::net::SocketAddr = loop {
        let line = stdout.recv_timeout(PATIENCE).unwrap();
        if let Some(start) = line.find("http://") {
            let address = line[start..].split('/').nth(2);
            break address
                .expect("the server printed no address")
                .parse()
                .unwrap();
        }
    };
    let log = lines_of(server.stderr.take().unwrap());

    // More idle connections than the server has descriptors for.
    let mut idle = Vec::new();
    for _ in 0..64 {
        idle.push(TcpStream::connect(address).await.unwrap());
    }
    let logged = tokio::task::spawn_blocking(move || {
        let deadline = std::time::Instant::now() + PATIENCE;
        while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
            match log.recv_timeout(left) {
                Ok(line) if line.contains("accept failed") => return Some(line),
                Ok(_) => {}
                Err(_) => return None,
            }
        }
        None
    })
    .await
    .unwrap();
    drop(idle);
    let mut client = connect_sending(address, GET_DJANGO).await;
    let after = read_response(&mut client).await;
    let _ = server.kill();
    let _ = server.wait();

    let line = logged.expect("no log line said that accept failed");
    assert!(line.contains("ERROR"), "{line}");
    assert!(line.contains("Too many open files"), "{line}");
    assert!(after.starts_with("HTTP/1.1 200"), "{after:?}");
}
