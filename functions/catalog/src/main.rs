#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    runtime::lambda::serve(catalog::app).await
}
