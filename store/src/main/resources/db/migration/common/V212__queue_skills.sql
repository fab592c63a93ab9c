-- Skills for the queues' `skills` strategy (docs/queues.md, "Skills"): the skill names, each agent's
-- level in a skill (1-10), and the level a queue requires of its agents (1-10). A queue with the
-- `skills` strategy offers a caller to the free member who meets every requirement with the highest
-- levels in them. Names are made as queues and agents name them; a skill nobody names any more stays
-- (it is only a name). Agents' skills follow a renumbered extension and go with a deleted one.
CREATE TABLE skills (
    id   ${id},
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 32),
    CONSTRAINT skills_name_key UNIQUE (name)
);

CREATE TABLE agent_skills (
    extension_number TEXT    NOT NULL REFERENCES extensions (number) ON DELETE CASCADE ON UPDATE CASCADE,
    skill_id         BIGINT  NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    level            INTEGER NOT NULL CHECK (level BETWEEN 1 AND 10),
    PRIMARY KEY (extension_number, skill_id)
);

CREATE TABLE queue_skill_requirements (
    queue_id  BIGINT  NOT NULL REFERENCES call_queues (id) ON DELETE CASCADE,
    skill_id  BIGINT  NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    min_level INTEGER NOT NULL CHECK (min_level BETWEEN 1 AND 10),
    PRIMARY KEY (queue_id, skill_id)
);
