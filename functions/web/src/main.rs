#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    runtime::lambda::serve(web::app).await
}
