def main(*a, **k):
    return 0
