-- wrk script: POST /recommendations with a realistic profile.
wrk.method = "POST"
wrk.path = "/recommendations"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"use_case":"rest_api","priorities":["performance","type_safety"],"languages":["python","go","rust"],"deployment":"serverless","limit":3}'
