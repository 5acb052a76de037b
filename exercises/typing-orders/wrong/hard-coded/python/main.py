# WRONG (hard-coded): prints the example's answer without reading the orders.
print("apple 360")
print("pear 190")
print("total 550")
