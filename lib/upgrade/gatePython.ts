// The cluster's view of one node, asked from the node itself with python3 (Prepare installs it):
// prints what it saw and exits 0 only when the node is back as the gate requires. No single quote
// may appear here: the program is passed to the shell as one quoted word.
export const GATE_PYTHON = `
import json, sys, urllib.request, urllib.error
mode, me, want = sys.argv[1], sys.argv[2], sys.argv[3]
masters = sys.argv[4:]
def get(url):
    with urllib.request.urlopen(url, timeout=5) as r:
        return json.loads(r.read().decode())
def fail(text):
    print(text)
    sys.exit(1)
if mode == "agent":
    seen = []
    for m in masters:
        try:
            body = get("http://" + m + "/master/slaves")
            break
        except Exception as e:
            seen.append(m + ": " + str(e))
    else:
        fail("no master answered /master/slaves (" + "; ".join(seen) + ")")
    mine = [s for s in body.get("slaves", []) if str(s.get("pid", "")).endswith("@" + me)]
    if not mine:
        fail("the leading master lists no agent at " + me + " (" + str(len(body.get("slaves", []))) + " agents registered)")
    # An agent that came back under a new id leaves its old entry inactive until removed: look at the live one.
    s = sorted(mine, key=lambda a: not a.get("active"))[0]
    if not s.get("active"):
        fail("the leading master lists the agent at " + me + " as inactive")
    if s.get("version") != want:
        fail("the leading master sees the agent at " + me + " on Mesos " + str(s.get("version")) + ", not " + want)
    print("the leading master lists the agent at " + me + " as active, on Mesos " + want)
elif mode == "master":
    try:
        v = get("http://" + me + "/version").get("version")
    except Exception as e:
        fail("/version on " + me + " did not answer: " + str(e))
    if v != want:
        fail("the master at " + me + " says version " + str(v) + ", not " + want)
    class NoFollow(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k):
            return None
    try:
        urllib.request.build_opener(NoFollow).open("http://" + me + "/master/redirect", timeout=5)
        fail("/master/redirect on " + me + " did not redirect to a leader")
    except urllib.error.HTTPError as e:
        if e.code != 307:
            fail("the cluster has no leading master: /master/redirect on " + me + " answered " + str(e.code))
        print("the master at " + me + " runs Mesos " + want + "; the leading master is " + str(e.headers.get("Location")))
elif mode == "marathon":
    try:
        leader = get("http://" + me + "/v2/leader").get("leader")
    except Exception as e:
        fail("Marathon /v2/leader on " + me + " did not answer: " + str(e))
    if not leader:
        fail("Marathon on " + me + " knows no leader")
    print("Marathon on " + me + " answers; its leader is " + leader)
`;
