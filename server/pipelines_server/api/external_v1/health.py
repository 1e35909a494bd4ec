def get_health():
    return {"status": "ok"}, 200
