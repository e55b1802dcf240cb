"""An independent model of a paper session, written from docs/rules.md alone (no paperplane code).

usage: rules_model.py DATA_DIR STATE_DIGEST FEED...
Replays each FEED as one `paperplane run` into DATA_DIR, computes every event the rules say a run appends and
compares them with DATA_DIR's audit log record for record (type, time, payload, in order); then checks the state
digest `paperplane verify` printed and the newest snapshot's state against the model's state. Feed times must be
written as Instant.toString() writes them (as `feed synth` does). Prints "N records match" and exits 0, or exits
non-zero naming the first difference.
"""
import glob, hashlib, json, os, sys
from decimal import Decimal, ROUND_HALF_EVEN, getcontext
from math import isqrt

getcontext().prec = 200
Q = Decimal("0.00000001")


def r8(x):
    x = x.quantize(Q, rounding=ROUND_HALF_EVEN)
    return Decimal(0).quantize(Q) if x == 0 else x      # no negative zero


def fmt(x):
    return format(r8(x), "f")


class Model:
    def __init__(self):
        self.events = 0
        self.config = None
        self.cash = r8(Decimal(0))
        self.positions = {}            # instrument -> [quantity, averageCost]
        self.realized = r8(Decimal(0))
        self.fees_paid = r8(Decimal(0))
        self.marks = {}
        self.tracks = {}               # (strategyId, instrument) -> [lastBarTime, lastAction, buys, sells]
        self.windows = {}              # (strategyId, instrument) -> [capacity, closes]
        self.last_bar = {}
        self.session = {"open": False, "bars": 0, "decisions": 0, "fills": 0, "rejections": 0}
        self.expected = []             # (type, time, payload pairs)

    # ---- the rules ----------------------------------------------------------------------------------------
    @staticmethod
    def memory(spec):
        p = spec["params"]
        return int(p["slow"]) + 1 if spec["kind"] == "ma-crossover" else int(p["window"])

    def emit(self, type_, time, payload):
        self.expected.append((type_, time, payload))
        self.events += 1

    def start(self, time, config, fingerprint, feed):
        if self.config is None:
            self.cash = r8(Decimal(config["initialCash"]))
        for spec in config["strategies"]:
            for key, window in self.windows.items():
                if key[0] == spec["id"]:
                    cap = self.memory(spec)
                    window[1] = window[1][-cap:] if len(window[1]) > cap else window[1]
                    window[0] = cap
        self.config = config
        self.session = {"open": True, "bars": 0, "decisions": 0, "fills": 0, "rejections": 0}
        self.emit("SessionStarted", time, [("fingerprint", fingerprint), ("config", None), ("feed", feed)])

    def bar(self, time, instrument, o, h, l, c, v):
        self.emit("MarketBarObserved", time, [("instrument", instrument), ("open", fmt(o)), ("high", fmt(h)),
                                              ("low", fmt(l)), ("close", fmt(c)), ("volume", fmt(v))])
        for spec in self.config["strategies"]:
            key = (spec["id"], instrument)
            cap = self.memory(spec)
            window = self.windows.setdefault(key, [cap, []])
            window[1] = (window[1] + [c])[-cap:]
            window[0] = cap
        self.marks[instrument] = c
        self.last_bar[instrument] = time
        self.session["bars"] += 1
        for spec in self.config["strategies"]:
            decided = self.decide(spec, self.windows[(spec["id"], instrument)][1], c)
            if decided is None:
                continue                                    # HOLD: nothing recorded
            action, quantity, reason, indicators = decided
            self.emit("DecisionRecorded", time, [
                ("strategyId", spec["id"]), ("strategyVersion", spec["version"]), ("instrument", instrument),
                ("action", action), ("quantity", fmt(quantity)), ("reason", reason),
                ("indicators", [(k, fmt(indicators[k])) for k in sorted(indicators)])])
            track = self.tracks.get((spec["id"], instrument), [None, None, 0, 0])
            self.tracks[(spec["id"], instrument)] = [time, action, track[2] + (action == "BUY"),
                                                     track[3] + (action == "SELL")]
            self.session["decisions"] += 1
            self.order(time, spec["id"], instrument, action, quantity, c)

    def decide(self, spec, closes, close):
        p, n = spec["params"], len(closes)
        if spec["kind"] == "ma-crossover":
            fast, slow, qty = int(p["fast"]), int(p["slow"]), r8(Decimal(p["quantity"]))
            if n < slow + 1:
                return None
            avg = lambda xs: r8(sum(xs, Decimal(0)) / len(xs))
            f, s = avg(closes[n - fast:]), avg(closes[n - slow:])
            pf, ps = avg(closes[n - 1 - fast:n - 1]), avg(closes[n - 1 - slow:n - 1])
            now = f"fast MA({fast}) {fmt(f)} vs slow MA({slow}) {fmt(s)}"
            before = f"previous bar {fmt(pf)} vs {fmt(ps)}"
            ind = {"close": close, "fastMa": f, "slowMa": s, "previousFastMa": pf, "previousSlowMa": ps}
            if f > s and not pf > ps:
                return "BUY", qty, f"fast MA crossed above slow MA: {now}; {before}", ind
            if f < s and not pf < ps:
                return "SELL", qty, f"fast MA crossed below slow MA: {now}; {before}", ind
            return None
        window, k, qty = int(p["window"]), r8(Decimal(p["k"])), r8(Decimal(p["quantity"]))
        if n < window:
            return None
        last = closes[n - window:]
        mean = r8(sum(last, Decimal(0)) / window)
        units = [int(x * 10 ** 8) for x in last]
        d = window * sum(u * u for u in units) - sum(units) ** 2
        # round_half_even(sqrt(d) / window), exactly: compare 4d with window² (2f+1)²
        f = isqrt(d) // window
        while (f + 1) * window <= isqrt(d):
            f += 1
        lhs, rhs = 4 * d, window * window * (2 * f + 1) ** 2
        sd_units = f + 1 if lhs > rhs or (lhs == rhs and f % 2 == 1) else f
        sd = Decimal(sd_units) / 10 ** 8
        width = r8(k * sd)
        lower, upper = mean - width, mean + width
        band = (f"band [{fmt(lower)}, {fmt(upper)}] = mean {fmt(mean)} ± {fmt(k)} × sd {fmt(sd)}"
                f" over {window} closes")
        ind = {"close": close, "mean": mean, "stdDev": sd, "lowerBand": lower, "upperBand": upper}
        if close < lower:
            return "BUY", qty, f"close {fmt(close)} below lower {band}", ind
        if close > upper:
            return "SELL", qty, f"close {fmt(close)} above upper {band}", ind
        return None

    def order(self, time, sid, instrument, side, qty, close):
        fees, risk = self.config["fees"], self.config["risk"]
        bps = 10000 + fees["slippageBps"] if side == "BUY" else 10000 - fees["slippageBps"]
        price = r8(close * bps / 10000)
        notional = r8(qty * price)
        fee = r8(notional * fees["feeBps"] / 10000)
        before = self.positions.get(instrument, [Decimal(0), Decimal(0)])[0]
        after = before + qty if side == "BUY" else before - qty
        max_notional, max_pos, max_short = (Decimal(risk[k]) for k in ("maxOrderNotional", "maxPosition", "maxShort"))
        breach = None
        if notional > max_notional:
            breach = ("MAX_ORDER_NOTIONAL", max_notional, notional)
        elif abs(after) > max_pos:
            breach = ("MAX_POSITION", max_pos, abs(after))
        elif after < -max_short:
            breach = ("MAX_SHORT", max_short, -after)
        elif side == "BUY" and notional + fee > self.cash:
            breach = ("INSUFFICIENT_CASH", self.cash, notional + fee)
        if breach:
            self.emit("OrderRejected", time, [
                ("strategyId", sid), ("instrument", instrument), ("side", side), ("quantity", fmt(qty)),
                ("price", fmt(price)), ("rule", breach[0]), ("limit", fmt(breach[1])), ("attempted", fmt(breach[2]))])
            self.session["rejections"] += 1
            return
        self.emit("PaperOrderFilled", time, [
            ("strategyId", sid), ("instrument", instrument), ("side", side), ("quantity", fmt(qty)),
            ("price", fmt(price)), ("notional", fmt(notional)), ("fee", fmt(fee))])
        self.fill(instrument, side, qty, price, notional, fee)
        self.session["fills"] += 1

    def fill(self, instrument, side, qty, price, notional, fee):
        self.cash = self.cash - notional - fee if side == "BUY" else self.cash + notional - fee
        self.fees_paid += fee
        delta = qty if side == "BUY" else -qty
        held, avg = self.positions.get(instrument, [Decimal(0), Decimal(0)])
        after = held + delta
        if held == 0 or (held > 0) == (delta > 0):
            avg = r8((abs(held) * avg + qty * price) / abs(after))
        else:
            closed = min(abs(held), qty)
            self.realized += r8(closed * (price - avg if held > 0 else avg - price))
            if after != 0 and (after > 0) != (held > 0):
                avg = price
        if after == 0:
            self.positions.pop(instrument, None)
        else:
            self.positions[instrument] = [after, avg]

    def equity(self):
        return self.cash + sum((r8(q * self.marks.get(i, a)) for i, (q, a) in self.positions.items()), Decimal(0))

    def complete(self):
        self.session["open"] = False
        s = self.session
        self.emit("SessionCompleted", max(self.last_bar.values()), [
            ("bars", s["bars"]), ("decisions", s["decisions"]), ("fills", s["fills"]),
            ("rejections", s["rejections"]), ("equity", fmt(self.equity()))])

    # ---- state: canonical text and snapshot JSON -------------------------------------------------------------
    def canonical_text(self):
        t = lambda s: f"{len(s)}:{s}"
        lines = ["format=paperplane-state/1", f"events={self.events}"]
        c = self.config
        lines += [f"config.environment={t(c['environment'])}", f"config.plane={c['plane']}",
                  f"config.initialCash={fmt(Decimal(c['initialCash']))}",
                  f"config.fees.slippageBps={c['fees']['slippageBps']}", f"config.fees.feeBps={c['fees']['feeBps']}",
                  f"config.risk.maxPosition={fmt(Decimal(c['risk']['maxPosition']))}",
                  f"config.risk.maxOrderNotional={fmt(Decimal(c['risk']['maxOrderNotional']))}",
                  f"config.risk.maxShort={fmt(Decimal(c['risk']['maxShort']))}"]
        for i, spec in enumerate(c["strategies"]):
            lines += [f"config.strategy.{i}.id={spec['id']}", f"config.strategy.{i}.kind={t(spec['kind'])}",
                      f"config.strategy.{i}.version={spec['version']}"]
            lines += [f"config.strategy.{i}.param.{t(k)}={t(spec['params'][k])}" for k in sorted(spec["params"])]
        lines += [f"ledger.cash={fmt(self.cash)}", f"ledger.realizedPnl={fmt(self.realized)}",
                  f"ledger.feesPaid={fmt(self.fees_paid)}"]
        lines += [f"ledger.position.{i}={fmt(q)} @ {fmt(a)}" for i, (q, a) in sorted(self.positions.items())]
        lines += [f"ledger.mark.{i}={fmt(m)}" for i, m in sorted(self.marks.items())]
        lines += [f"decision.{s}/{i}={tr[0]} {tr[1]} buys={tr[2]} sells={tr[3]}"
                  for (s, i), tr in sorted(self.tracks.items())]
        lines += [f"window.{s}/{i}=capacity={w[0]}" + "".join(" " + fmt(x) for x in w[1])
                  for (s, i), w in sorted(self.windows.items())]
        lines += [f"lastBar.{i}={time}" for i, time in sorted(self.last_bar.items())]
        s = self.session
        lines.append(f"session=open={'true' if s['open'] else 'false'} bars={s['bars']} decisions={s['decisions']}"
                     f" fills={s['fills']} rejections={s['rejections']}")
        return "".join(line + "\n" for line in lines)

    def snapshot_state(self):
        return {"events": self.events, "config": self.config,
                "ledger": {"cash": fmt(self.cash), "realizedPnl": fmt(self.realized), "feesPaid": fmt(self.fees_paid),
                           "positions": {i: {"quantity": fmt(q), "averageCost": fmt(a)}
                                         for i, (q, a) in self.positions.items()},
                           "marks": {i: fmt(m) for i, m in self.marks.items()}},
                "decisions": [{"strategyId": s, "instrument": i, "lastBarTime": tr[0], "lastAction": tr[1],
                               "buys": tr[2], "sells": tr[3]} for (s, i), tr in sorted(self.tracks.items())],
                "windows": [{"strategyId": s, "instrument": i, "capacity": w[0], "closes": [fmt(x) for x in w[1]]}
                            for (s, i), w in sorted(self.windows.items())],
                "lastBarTimes": dict(self.last_bar), "session": dict(self.session)}


def records(data):
    for segment in sorted(glob.glob(os.path.join(data, "audit", "segment-*.jsonl"))):
        with open(segment, "rb") as f:
            for line in f:
                yield line[:-1]


def main():
    data, digest, feeds = sys.argv[1], sys.argv[2], sys.argv[3:]
    log = list(records(data))
    model = Model()
    for path in feeds:
        with open(path, "rb") as f:
            raw = f.read()
        feed = [("name", os.path.basename(path)), ("sha256", hashlib.sha256(raw).hexdigest())]
        for line in raw.decode("utf-8").splitlines()[1:]:
            time, instrument, *values = line.split(",")
            if instrument in model.last_bar and time <= model.last_bar[instrument]:
                continue                                    # already in the log: skipped
            if not model.session["open"]:
                # the configuration is the run's input: read it, and the fingerprint's bytes, from the record
                line_bytes = log[model.events]
                config_json = line_bytes[line_bytes.index(b'"config":') + 9:line_bytes.index(b',"feed":{')]
                model.start(time, json.loads(config_json), hashlib.sha256(config_json).hexdigest(), feed)
            model.bar(time, instrument, *(r8(Decimal(v)) for v in values))
        if model.session["open"]:
            model.complete()
    if len(log) != len(model.expected):
        sys.exit(f"the log has {len(log)} records, the model {len(model.expected)}")
    for seq, (line, (type_, time, payload)) in enumerate(zip(log, model.expected), start=1):
        record = json.loads(line, object_pairs_hook=lambda pairs: pairs)
        fields = dict(record)
        got = [(k, v) for k, v in fields["payload"] if not (type_ == "SessionStarted" and k == "config")]
        want = [(k, v) for k, v in payload if k != "config"]
        got = [(k, [tuple(p) for p in v] if isinstance(v, list) else v) for k, v in got]
        if (fields["type"], fields["time"], got) != (type_, time, want):
            sys.exit(f"record {seq} differs:\n log:   {fields['type']} {fields['time']} {got}\n model: {type_} {time} {want}")
    model_digest = hashlib.sha256(model.canonical_text().encode("utf-8")).hexdigest()
    if model_digest != digest:
        sys.exit(f"state digest differs: verify printed {digest}, the model computes {model_digest}:\n"
                 + model.canonical_text())
    snapshots = sorted(glob.glob(os.path.join(data, "snapshots", "snapshot-*.json")))
    with open(snapshots[-1], "rb") as f:
        state = json.loads(f.read().split(b"\n")[1])
    if state != model.snapshot_state():
        sys.exit(f"snapshot state differs:\n stored: {state}\n model:  {model.snapshot_state()}")
    print(f"{len(log)} records match")


main()
