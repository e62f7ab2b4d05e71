import SamspilEngine
print("engine-bench: under construction")
