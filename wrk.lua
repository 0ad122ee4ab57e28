wrk.headers["Cookie"] = ""
