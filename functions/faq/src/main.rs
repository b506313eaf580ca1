#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    edge::lambda::serve(faq::app).await
}
