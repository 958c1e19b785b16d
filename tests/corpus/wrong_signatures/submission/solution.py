def add(a):
    return a

def mean():
    return 0

def normalize():
    return 0

class Counter:
    pass
