using HomalgNN.Data;
using HomalgNN.Experiments;
using HomalgNN.Nn;
using HomalgNN.Training;

namespace HomalgNN.Tests.Training;

/// <summary>A run killed after some epochs resumes from its checkpoint with exactly the numbers of an uninterrupted run.</summary>
[Collection("Training")]
public class CheckpointTests
{
    static readonly DataSplit Mnist10k = DatasetLocator.Load(DatasetCatalog.Mnist10k, TestPaths.SharedData);

    // Dropout makes torch's generator part of the state a resumed run must restore.
    static TrainingOptions Options(int seed = 3) =>
        new(new NetworkConfig(NetworkConfig.StudyDims, Dropout: 0.2), Lambda: 0.5, Epochs: 3, Seed: seed, TrainLimit: 256, BatchSize: 64, MonitorEvery: 2);

    /// <summary>Stands in for a kill: throws once the given epoch has been reported, before anything after it is written.</summary>
    sealed class KillAfter(int epoch) : ITrainingObserver
    {
        public int? ResumedAfter { get; private set; }
        public void Resumed(int epochsDone, int epochs) => ResumedAfter = epochsDone;
        public void EpochFinished(EpochRecord record)
        {
            if (record.Epoch == epoch) throw new OperationCanceledException($"killed in epoch {epoch}");
        }
    }

    static string TempDir() => Directory.CreateTempSubdirectory("homalg-ckpt-").FullName;

    [Fact]
    public void KilledInEpoch2_ResumesAfterEpoch1_AndEqualsAnUninterruptedRun()
    {
        var whole = TrainingRun.Execute(Options(), Mnist10k, TempDir(), SilentObserver.Instance);
        var dir = TempDir();
        Assert.Throws<OperationCanceledException>(() => TrainingRun.Execute(Options(), Mnist10k, dir, new KillAfter(2)));
        Assert.True(File.Exists(Path.Combine(dir, Checkpoint.FileName)));
        var observer = new KillAfter(99);
        var resumed = TrainingRun.Execute(Options(), Mnist10k, dir, observer);
        Assert.Equal(1, observer.ResumedAfter);
        Assert.True(resumed.Completed);
        Assert.Equal(whole.History.Select(h => (h.Epoch, h.TaskLoss, h.ExactnessLoss, h.ChainAxiomLoss, h.TestAccuracy)),
            resumed.History.Select(h => (h.Epoch, h.TaskLoss, h.ExactnessLoss, h.ChainAxiomLoss, h.TestAccuracy)));
        Assert.Equal(whole.Monitor!.Select(m => (m.Step, m.TaskLoss)), resumed.Monitor!.Select(m => (m.Step, m.TaskLoss)));
        Assert.Equal(whole.Final!.TestAccuracy, resumed.Final!.TestAccuracy);
        Assert.Equal(whole.Final.SingularValues![3], resumed.Final.SingularValues![3]);
        // A finished run keeps its model, not its checkpoint.
        Assert.False(File.Exists(Path.Combine(dir, Checkpoint.FileName)));
    }

    [Fact]
    public void CheckpointOfOtherSettings_IsNotResumed()
    {
        var dir = TempDir();
        Assert.Throws<OperationCanceledException>(() => TrainingRun.Execute(Options(seed: 3), Mnist10k, dir, new KillAfter(2)));
        var observer = new KillAfter(99);
        var other = TrainingRun.Execute(Options(seed: 4), Mnist10k, dir, observer);
        Assert.Null(observer.ResumedAfter);
        Assert.Equal(3, other.History.Count);
        Assert.Equal(TrainingRun.Execute(Options(seed: 4), Mnist10k, null, SilentObserver.Instance).Final!.TestAccuracy, other.Final!.TestAccuracy);
    }

    [Fact]
    public void FolderBeingTrainedElsewhere_IsRefused_AndFreedAfterwards()
    {
        var dir = TempDir();
        using (RunFolderLock.Acquire(dir))
        {
            var e = Assert.Throws<IOException>(() => TrainingRun.Execute(Options(), Mnist10k, dir, SilentObserver.Instance));
            Assert.Contains("being trained by another homalg process", e.Message);
            Assert.False(File.Exists(Path.Combine(dir, TrainingRun.ResultsFile)));
        }
        Assert.True(TrainingRun.Execute(Options() with { Epochs = 1 }, Mnist10k, dir, SilentObserver.Instance).Completed);
        Assert.False(File.Exists(Path.Combine(dir, RunFolderLock.FileName)));
    }

    [Fact]
    public void DamagedCheckpoint_IsAOneLineErrorNamingTheFile()
    {
        var dir = TempDir();
        Assert.Throws<OperationCanceledException>(() => TrainingRun.Execute(Options(), Mnist10k, dir, new KillAfter(2)));
        var path = Path.Combine(dir, Checkpoint.FileName);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<InvalidDataException>(() => TrainingRun.Execute(Options(), Mnist10k, dir, SilentObserver.Instance));
        Assert.StartsWith(path, e.Message);
        Assert.Contains("delete it", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
