using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Concordat.Spc.Bench.SpcBenchmarks).Assembly).Run(args);
