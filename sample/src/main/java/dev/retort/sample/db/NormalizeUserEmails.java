package dev.retort.sample.db;

import dev.retort.Irreversible;
import dev.retort.Migration;
import dev.retort.MigrationContext;
import dev.retort.Revision;

/**
 * A data migration that cannot be undone: the addresses are rewritten in place and nothing keeps
 * their original spelling. Without a downgrade the class must say why; a downgrade below it is
 * refused before anything runs, with this reason.
 */
@Revision(
    id = "91c5d3f8a2e7",
    revises = "e6b19d7a2c40",
    description = "store e-mail addresses in lower case")
@Irreversible("e-mail addresses are lower-cased in place; their original spelling is not kept")
public final class NormalizeUserEmails implements Migration {

  @Override
  public void upgrade(MigrationContext ctx) throws Exception {
    ctx.execute("UPDATE users SET email = lower(trim(email))");
  }
}
