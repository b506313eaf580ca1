//! SDK errors → [`StoreError`]. Transient faults (timeouts, connection failures,
//! throttling, server errors) become `Unavailable` so the API answers 503 with
//! `Retry-After` or serves its cache; anything else is a fault of ours (500).

use aws_sdk_dynamodb::config::http::HttpResponse;
use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};
use model::StoreError;

/// Seconds a client should wait before retrying after a transient fault. The SDK has
/// already retried with back-off by the time this is used, so one second is enough for a
/// throttled partition to recover without inviting a thundering herd.
pub const RETRY_AFTER_SECS: u32 = 1;

/// Error codes DynamoDB returns for load it sheds or faults of its own.
const TRANSIENT_CODES: &[&str] = &[
    "ProvisionedThroughputExceededException",
    "ThrottlingException",
    "RequestLimitExceeded",
    "InternalServerError",
    "ServiceUnavailable",
    "TransactionInProgressException",
];

pub(crate) fn store_error<E>(
    operation: &'static str,
    error: SdkError<E, HttpResponse>,
) -> StoreError
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    let transient = match &error {
        SdkError::TimeoutError(_) | SdkError::DispatchFailure(_) | SdkError::ResponseError(_) => {
            true
        }
        SdkError::ServiceError(service) => {
            let code = service.err().code().unwrap_or_default();
            TRANSIENT_CODES.contains(&code) || service.raw().status().is_server_error()
        }
        _ => false,
    };
    let source = Box::new(OperationError { operation, error });
    if transient {
        StoreError::Unavailable {
            retry_after_secs: RETRY_AFTER_SECS,
            source,
        }
    } else {
        StoreError::Failed(source)
    }
}

/// An SDK error with the operation it came from; its `Display` shows the whole cause chain.
#[derive(Debug)]
struct OperationError<E> {
    operation: &'static str,
    error: SdkError<E, HttpResponse>,
}

impl<E: std::error::Error + 'static> std::fmt::Display for OperationError<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "DynamoDB {}: {}",
            self.operation,
            aws_sdk_dynamodb::error::DisplayErrorContext(&self.error)
        )
    }
}

impl<E: std::error::Error + 'static> std::error::Error for OperationError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}
