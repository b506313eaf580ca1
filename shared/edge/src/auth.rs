//! Admin writes fail closed. In Lambda, API Gateway's IAM authorization puts the verified
//! caller into the request context; a write whose context has none is refused (401), even
//! if the route was misconfigured without the authorizer. Outside Lambda there is no caller
//! to check, so writes need the explicit `ALLOW_LOCAL_WRITES=true` opt-in (else 403).

use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
use lambda_http::request::RequestContext;

use crate::problem::ApiError;

/// Proof that the request may write: the caller's IAM ARN, or `local` for an opted-in
/// local server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admin {
    pub caller: String,
}

impl Admin {
    /// The decision, apart from axum: `request_context` is what `lambda_http` attached
    /// (`None` outside Lambda).
    pub fn authorize(
        request_context: Option<&RequestContext>,
        allow_local_writes: bool,
    ) -> Result<Self, ApiError> {
        match request_context {
            Some(context) => iam_caller(context).map(|caller| Admin { caller }).ok_or_else(|| {
                ApiError::Unauthorized(
                    "this write needs an IAM-authenticated caller: sign the request with SigV4"
                        .into(),
                )
            }),
            None if allow_local_writes => Ok(Admin {
                caller: "local".into(),
            }),
            None => Err(ApiError::Forbidden(
                "admin writes are disabled on this server; set ALLOW_LOCAL_WRITES=true to allow them locally"
                    .into(),
            )),
        }
    }
}

fn iam_caller(context: &RequestContext) -> Option<String> {
    let RequestContext::ApiGatewayV2(http_api) = context else {
        return None;
    };
    let iam = http_api.authorizer.as_ref()?.iam.as_ref()?;
    [&iam.user_arn, &iam.caller_id, &iam.account_id]
        .into_iter()
        .flatten()
        .find(|value| !value.trim().is_empty())
        .cloned()
}

/// Whether a server outside Lambda lets writes through without a caller
/// (`ALLOW_LOCAL_WRITES`). The router's state provides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalWrites(pub bool);

impl<S> FromRequestParts<S> for Admin
where
    S: Send + Sync,
    LocalWrites: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let LocalWrites(allowed) = LocalWrites::from_ref(state);
        Admin::authorize(parts.extensions.get::<RequestContext>(), allowed)
    }
}
