#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    edge::lambda::serve(web::app).await
}
