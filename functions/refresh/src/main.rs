use lambda_runtime::{LambdaEvent, service_fn};

/// In Lambda: one run per scheduled event. Elsewhere (`make refresh`): one run, its report
/// printed as JSON.
#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    runtime::telemetry::init();
    let refresh = refresh::from_settings(&refresh::Settings::from_env()?)?;
    if std::env::var_os("AWS_LAMBDA_RUNTIME_API").is_none() {
        let report = refresh::refresh_once(&refresh).await?;
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(());
    }
    let refresh = &refresh;
    lambda_runtime::run(service_fn(
        move |_: LambdaEvent<serde_json::Value>| async move {
            refresh::refresh_once(refresh)
                .await
                .map_err(lambda_runtime::Error::from)
        },
    ))
    .await
}
