using System.Text;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace HomalgNN.Training;

/// <summary>What a checkpoint says about the run besides its tensors.</summary>
/// <param name="Fingerprint">The settings that decide what the run computes: a checkpoint of other settings is never resumed.</param>
/// <param name="EpochsDone">Whole epochs trained.</param>
/// <param name="Seconds">Training time spent so far.</param>
/// <param name="History">The epochs' records.</param>
/// <param name="Monitor">The monitor's records, when the run monitors.</param>
/// <param name="RandomState">torch's generator state (dropout draws from it), base64.</param>
public sealed record CheckpointInfo(string Fingerprint, int EpochsDone, double Seconds, List<EpochRecord> History, List<MonitorRecord>? Monitor, string RandomState);

/// <summary>
/// A run after a whole epoch, in one atomically replaced file: the weights, Adam's moments and step count, torch's generator
/// state and the records so far; resuming from it gives the numbers an uninterrupted run gives.
/// </summary>
public static class Checkpoint
{
    /// <summary>Name of the checkpoint in a run folder (removed once the run is complete).</summary>
    public const string FileName = "checkpoint.bin";

    const string Magic = "homalg-nn checkpoint 1";

    /// <summary>Writes <paramref name="trainer"/>'s state and <paramref name="info"/> to <paramref name="path"/> atomically.</summary>
    public static void Save(string path, Trainer trainer, CheckpointInfo info) => AtomicFile.Write(path, stream =>
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(JsonSerializer.Serialize(info, AtomicFile.JsonOptions));
        var tensors = Tensors(trainer);
        w.Write(tensors.Count);
        foreach (var t in tensors)
        {
            var bytes = t.bytes;
            w.Write(t.dtype.ToString());
            w.Write(bytes.Length);
            w.Write(bytes);
        }
    });

    /// <summary>
    /// Restores <paramref name="trainer"/> from <paramref name="path"/> when the file exists and was written by a run with
    /// <paramref name="fingerprint"/>; returns its info, or null (nothing changed) when there is nothing to resume.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is damaged or does not fit the network (one line naming the file).</exception>
    public static CheckpointInfo? TryResume(string path, Trainer trainer, string fingerprint)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var r = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (r.ReadString() != Magic) throw new InvalidDataException("not a homalg-nn checkpoint");
            var info = JsonSerializer.Deserialize<CheckpointInfo>(r.ReadString(), AtomicFile.JsonOptions) ?? throw new InvalidDataException("no run information");
            if (info.Fingerprint != fingerprint) return null;
            var tensors = Tensors(trainer);
            int count = r.ReadInt32();
            if (count != tensors.Count) throw new InvalidDataException($"{count} tensors, the network and optimiser have {tensors.Count}");
            var data = new byte[count][];
            for (int i = 0; i < count; i++)
            {
                string dtype = r.ReadString();
                int length = r.ReadInt32();
                if (dtype != tensors[i].dtype.ToString() || length != tensors[i].bytes.Length)
                    throw new InvalidDataException($"tensor {i} is {dtype} of {length} bytes, the network's is {tensors[i].dtype} of {tensors[i].bytes.Length}");
                data[i] = r.ReadBytes(length);
                if (data[i].Length != length) throw new InvalidDataException("truncated");
            }
            // Only now, with the whole file read and checked, does the trainer change.
            using (torch.no_grad())
                for (int i = 0; i < count; i++) data[i].CopyTo(tensors[i].bytes);
            TorchRandom.SetState(Convert.FromBase64String(info.RandomState));
            trainer.ResumeAfter(info.EpochsDone);
            return info;
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or FormatException or IOException)
        {
            throw new InvalidDataException($"{path}: damaged checkpoint ({e.Message}); delete it to train this run from the start", e);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: {e.Message}; delete it to train this run from the start", e);
        }
    }

    /// <summary>The tensors a checkpoint holds, in order: the network's parameters, then Adam's moments.</summary>
    static List<Tensor> Tensors(Trainer trainer) => [.. trainer.Model.parameters(), .. trainer.Optimizer.Moments];
}
