#pragma once

/// `hiveslack --demo`: starts the bundled simulator (hiveslack-sim, a fake TheHive and a fake
/// Slack on loopback), points the bridge at it and lets the simulator send a sample case every
/// few seconds, so the whole loop can be watched without a Slack workspace.
int runDemo();
