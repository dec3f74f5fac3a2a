using Xunit.Sdk;
using Xunit.v3;

// Every command test runs the real program as a process, in a folder and database of its own, and nearly all of them
// are in one class; by class alone they would run one at a time while the process starts, migrates and exits.
[assembly: Parallelization(Mode = ParallelMode.All)]
