package dev.retort.sample;

import dev.retort.RevisionInfo;
import dev.retort.sample.db.SampleMigrations;

/** The sample application: for now it lists the revisions the processor compiled in. */
public final class SampleApp {

  private SampleApp() {}

  public static void main(String[] args) {
    for (RevisionInfo revision : SampleMigrations.registry().revisions()) {
      System.out.println(revision.id() + "  " + revision.description());
    }
  }
}
