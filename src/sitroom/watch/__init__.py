"""The watch stage: pure analysis over merged events and case data (no store, no I/O).

Indicators and competing hypotheses
-----------------------------------
Build a ``CaseContext(case)`` once (population, outlet blocs and grades, actors' blocs), then:

- ``indicators.compute_indicators(events, ctx, since, until, texts) -> Indicators``: the whole
  period (``.total``) and each day (``.days``) as ``IndicatorSet``s — events by type, killed and
  injured as summed ranges, peak crowd and mobilisation ratio, spread across admin1 regions,
  elite moves, seizures of state buildings, attacks on foreign-owned property by owner country,
  foreign government statements by bloc, coverage by outlet bloc and silent blocs. Every value
  carries the ids of the events it counts. ``indicator_value(set, name)`` reads one by the names
  that hypothesis rules use (``cases.rules.CASE_INDICATORS``).
- ``hypotheses.assess(CaseEvidence(ctx, events, notes, decisions, texts), as_of,
  confirmed_only) -> Assessment``: Heuer's ACH — ``.ranking``, ``.hypotheses`` (each a
  ``HypothesisScore`` with ``key``, ``score`` = weighted inconsistency or None with
  ``status`` "no evidence", ``evidence`` rows with rating, weights, diagnosticity and
  proposed/confirmed status, and ``history`` replayed day by day), and ``.sensitivity`` (items
  that, removed or flipped, change the ranking).
- ``evidence.gather(...)`` / ``hypotheses.evidence_as_of(data, as_of)``: the evidence items with
  their ratings; proposed ratings come from the hypotheses' indicator rules and have stable ids
  (``evidence.proposal_id``) that an analyst confirms or rejects.

- ``standing.standing(assessment, since, until) -> tuple[Standing, ...]``: for a report, each
  hypothesis's score at the end of a period and before it, and the evidence of the period that
  moved it; ``standing_lines`` writes it as lines (e.g. a situation report's ``Section``).

``texts`` maps an event id to the sentences its claims were coded from (used to spot seizures
of state buildings). The store side — loading a case's events, notes and decisions, recording
analyst input — is ``sitroom.pipeline.analysis`` (``case_indicators``, ``case_assessment``,
``list_evidence``, ``add_note``, ``decide``); shells call those.

Factions and ties
-----------------
- ``factions.faction_picture(case, as_of, proposals=(), events=(), claims=None,
  with_proposed=False) -> FactionPicture``: the camps on one day (``.camps``: ``Camp`` with
  ``key``, ``side`` government/opposition/other, ``name``, ``leader``, ``leaders``,
  ``members``, ``supporters``, ``backers``, ``offices`` and ``ties``; ``.government``,
  ``.opposition``, ``.camp_of(actor)``),
  each foreign actor's involvement (``.foreign``: ``Involvement`` with ``ways`` such as talks,
  concern, base, ownership, statements, property attacked, and the ties, holdings, statements
  and events behind each), ``.ties`` in force (``FactionTie``: kind, dates, case-file
  ``sources``, and for accepted proposals the ``event_ids`` and ``report_ids``), ``.unaligned``
  and ``.conflicts``. A day before the case starts gives ``before_start`` and nothing else.
  The rule that computes camps is in ``factions``' docstring.
- ``profiles.actor_profile(case, actor, proposals, events, claims, until) -> ActorProfile``:
  roles over time, every tie, the camp spell by spell (``CampSpell``) and the events the actor
  took part in; ``actor_names.find_actor(actors, name)`` resolves a key, name or alias and raises
  ``AnalysisError`` listing known actors.
- ``factions.effective_ties(case_ties, proposals)``: the case's ties with accepted proposals.
- ``ties.propose_ties(case, events, claims, accepted) -> list[ProposedTie]``: ties read in coded
  events (the rules are in ``ties``' docstring), each with events, reports, sentences and a
  confidence; stable ids so decisions survive a rerun.
- ``actor_names.ActorIndex``: case actors from event actor fields and sentences (inflected
  Russian and Kyrgyz names included).

Renderings are in ``sitroom.present.factions`` (``picture_text``, ``picture_json``,
``write_picture_graphml``, ``profile_text``, ``proposals_text``, and ``summary_lines`` for a
situation report's section). The store side is
``sitroom.pipeline.factions`` (``faction_picture_of(store, case, as_of, with_proposed)``,
``propose(store, case)``, ``decide(store, id, accept, by, reason)``,
``actor_profile_of(store, actor, case)``, ``load_inputs``); shells call those.

Watches and alerts
------------------
- ``rules.parse_rule(key, title, query, case) -> Rule`` (``WatchError`` naming the field and
  why; ``rules.condition_problem(name, value)`` checks one condition, which the case loader turns
  into file:line), ``rules.rule_of(watch, case)``, ``rules.matches(rule, event, ctx)`` with a
  ``MatchContext`` from ``rules.build_context(countries, actors, outlets)`` or
  ``rules.context_of_case(case, outlets)``; ``rules.describe(rule)``; ``rules.find_rule(rules,
  key)`` (an unknown key lists the known ones). The query language is in ``rules``' docstring.
- ``alerts.decide(rules, events, case, ctx, checked, fired, recent, now, rate) ->
  WatchDecision``: the alerts due for the new or changed events (``alerts.fingerprint``), one
  per watch and event, ``first_report`` watches once in all, alerts over ``RateLimit`` stored as
  ``suppressed``; ``alerts.digest(alerts, since, until) -> Digest`` (``.by_watch``, ``.text()``);
  ``alerts.headline(event)``; ``alerts.event_payload(event)`` (what an alert keeps of its event).
- ``notify``: ``WebhookSender`` and ``EmailSender`` behind ``Sender.send(Message)`` (raises
  ``DeliveryError``), ``senders_from(settings)``, ``after_attempt(delivery, error, now, retries,
  backoff)`` (sent, retried after backoff * 2^(n-1), or failed), ``alert_message``,
  ``digest_message``.

The store side is ``sitroom.pipeline.watch`` (``check_watches(store, settings, case)`` stores
alerts and outbox rows and sends nothing; ``load_rules``, ``match_context``, ``deliver_due``,
``send_digests``) and ``sitroom.pipeline.run.run`` (the loop of ``sitroom run``, delivering from
its own thread). Stored alerts and their deliveries: ``store.list_alerts(watch, case=, since=,
until=)`` and ``store.list_deliveries(watch=, event_id=, status=, channel=)``.
"""
