# Sourced by the end-to-end scripts and benchmarks that need multicast on loopback.
# netns_with_multicast_lo NS: a private network namespace whose `lo` is up, carries multicast,
# and routes 224.0.0.0/4 (the default namespace's `lo` usually has no MULTICAST flag). Needs root.
netns_with_multicast_lo() {
  local ns="$1"
  ip netns add "$ns"
  ip netns exec "$ns" ip link set lo up
  ip netns exec "$ns" ip link set lo multicast on
  ip netns exec "$ns" ip route add 224.0.0.0/4 dev lo
}
