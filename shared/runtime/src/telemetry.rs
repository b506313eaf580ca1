//! Tracing setup: JSON lines in Lambda (CloudWatch's JSON log format picks them up), compact
//! human-readable lines elsewhere. `RUST_LOG` sets the filter; the default is `info`.

use tracing_subscriber::EnvFilter;

pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let in_lambda = std::env::var_os("AWS_LAMBDA_FUNCTION_NAME").is_some();
    // try_init: a second call (tests, the local server hosting several routers) is harmless.
    let _ = if in_lambda {
        builder
            .json()
            .with_current_span(false)
            .with_ansi(false)
            .without_time()
            .try_init()
    } else {
        builder.compact().try_init()
    };
}
