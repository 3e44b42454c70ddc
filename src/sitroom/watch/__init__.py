"""The watch stage: pure analysis over merged events and case data (no store, no I/O).

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
``write_picture_graphml``, ``profile_text``, ``proposals_text``). The store side is
``sitroom.pipeline.factions`` (``faction_picture_of(store, case, as_of, with_proposed)``,
``propose(store, case)``, ``decide(store, id, accept, by, reason)``,
``actor_profile_of(store, actor, case)``, ``load_inputs``); shells call those.
"""
