#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    runtime::lambda::serve(recommend::app).await
}
