//! A real DynamoDB-compatible server per test (feature `testing`): `moto_server` on a free
//! loopback port, killed when the test ends (or on purpose, mid-test), restartable on the
//! same port.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::client::Tuning;
use crate::{Client, Tables};

/// A `moto_server` child process on a loopback port.
#[derive(Debug)]
pub struct Moto {
    port: u16,
    child: Option<Child>,
}

impl Moto {
    pub fn start() -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut moto = Moto { port, child: None };
        moto.spawn();
        moto
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn spawn(&mut self) {
        // moto_server itself does not apply conditional writes atomically under concurrent
        // requests; scripts/moto_serial.py serves the same app one request at a time.
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/moto_serial.py");
        let program = std::env::var("MOTO_PYTHON").unwrap_or_else(|_| "python3".into());
        let child = Command::new(&program)
            .args([script, "127.0.0.1", &self.port.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| {
                panic!(
                    "cannot start {program} ({error}); install it with: pip install 'moto[server]'"
                )
            });
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "moto_server did not start on port {}",
                self.port
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Stops the server, as an outage would.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts it again on the same port (empty: moto keeps its data in memory).
    pub fn restart(&mut self) {
        self.kill();
        self.spawn();
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The table names the tests use.
pub fn tables() -> Tables {
    Tables {
        frameworks: "test-frameworks".into(),
        faq: "test-faq".into(),
    }
}

/// A client of `moto`, with the limits of a server on this machine: a killed server is
/// refused at once, a slow answer (a whole-table Scan while other suites compile) is waited
/// for rather than failed as an outage.
pub async fn client(moto: &Moto) -> Client {
    crate::client::local(&moto.endpoint(), Tuning::loopback()).await
}

/// Creates the tables and seeds the dataset.
pub async fn seeded(client: &Client) -> crate::SeedReport {
    crate::tables::create(client, &tables()).await.unwrap();
    crate::seed(
        client,
        &tables(),
        &model::dataset::load_frameworks().unwrap(),
        &model::dataset::load_faq().unwrap(),
    )
    .await
    .unwrap()
}
