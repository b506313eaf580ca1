//! Tracing setup: JSON lines in Lambda (CloudWatch's JSON log format picks them up), compact
//! human-readable lines elsewhere. `RUST_LOG` sets the filter as a list of `target=level`
//! directives and a default level (`info,runtime::cache=debug`); the default is `info`.
//!
//! The filter is tracing-subscriber's `Targets`, not its `EnvFilter`: span and field
//! directives are not supported, and in exchange no regular-expression engine is linked into
//! every Lambda zip.

use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::fmt;
use tracing_subscriber::prelude::*;

pub fn init() {
    let filter = filter_from(std::env::var("RUST_LOG").ok().as_deref());
    let lines = fmt::layer().with_writer(std::io::stderr);
    let in_lambda = std::env::var_os("AWS_LAMBDA_FUNCTION_NAME").is_some();
    let registry = tracing_subscriber::registry().with(filter);
    // try_init: a second call (tests, the local server hosting several routers) is harmless.
    let _ = if in_lambda {
        registry
            .with(
                lines
                    .json()
                    .with_current_span(false)
                    .with_ansi(false)
                    .without_time(),
            )
            .try_init()
    } else {
        registry.with(lines.compact()).try_init()
    };
}

/// The filter `RUST_LOG` names; `info` when it is unset, blank or unreadable.
fn filter_from(rust_log: Option<&str>) -> Targets {
    rust_log
        .filter(|directives| !directives.trim().is_empty())
        .and_then(|directives| directives.trim().parse::<Targets>().ok())
        .unwrap_or_else(|| Targets::new().with_default(LevelFilter::INFO))
}

#[cfg(test)]
mod tests {
    use tracing::Level;

    use super::filter_from;

    #[test]
    fn the_default_is_info() {
        for unset in [None, Some(""), Some("  "), Some("=nonsense=")] {
            let filter = filter_from(unset);
            assert!(filter.would_enable("catalog", &Level::INFO), "{unset:?}");
            assert!(!filter.would_enable("catalog", &Level::DEBUG), "{unset:?}");
        }
    }

    #[test]
    fn directives_name_a_default_and_per_target_levels() {
        let filter = filter_from(Some("warn,runtime::cache=debug"));
        assert!(filter.would_enable("runtime::cache", &Level::DEBUG));
        assert!(!filter.would_enable("catalog", &Level::INFO));
        assert!(filter.would_enable("catalog", &Level::WARN));
    }
}
