/**
 * Reading collections back: the one reader of what dbsurveyor writes, used by everything that
 * works on collections after collecting ({@code --resume} first; {@code diff}, {@code report}
 * and {@code validate} are meant to read through it too).
 */
package dev.dbsurveyor.io;
